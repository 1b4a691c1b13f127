class NumberConverter:
    """A positive number short enough for any integer column: a longer one is a 404, never a 500."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
