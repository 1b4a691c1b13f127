"""CSV downloads that a spreadsheet opens safely: every export (reports' drill-downs, quality's reviews) is
written through here, so the formula guard exists once (issue 13 item 8)."""

import csv
import numbers

from django.http import HttpResponse

# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) in a subject would be a
# live link, or worse): such text is written with a leading apostrophe, which the spreadsheet shows as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):  # a number, even a negative one, is data
        return value
    text = str(value)  # names of teams, agents and categories too
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: list, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response
