# Helpdesk teams read times at a glance: 24-hour clock and ISO dates in the English interface too.
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
DATETIME_FORMAT = "j M Y, H:i"
