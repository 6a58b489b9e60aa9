-- Each issue names the station of its row (the code as the file has it, valid or not), so an
-- operator can find the row in a master list that is not in the order of the uploaded extract
-- (a GeoJSON "row" is a feature's index; an Excel row may be hidden or merged). Null for the
-- whole file's notices, and on issues saved before this.
alter table upload_issues add column station_code text;
