-- A preview's issues are written as the file streams (a file of errors no longer piles them up
-- in memory), so the order they arrive in is not the order people read them in: the report
-- lists them by row, the whole file's first, and in the order found within a row. This index
-- gives that order to paging.
create index upload_issues_row_order_idx on upload_issues (upload_id, row_number nulls first, seq);
