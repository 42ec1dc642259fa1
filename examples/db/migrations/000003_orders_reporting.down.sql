ALTER TABLE orders DROP FOREIGN KEY orders_user_fk2;
DROP INDEX orders_status_index ON orders;
ALTER TABLE orders MODIFY total_cents INT NOT NULL;
