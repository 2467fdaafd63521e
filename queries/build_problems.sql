-- Problems recorded by the last store build (warnings that did not stop it). No parameters.
select severity, code, file, sheet, row_number, column_name, value, message_id, message_en
from build_problems
order by file, row_number
