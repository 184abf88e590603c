"""Short, typeable exam codes: a whole training group gets the same exam.

A code packs the seed, the number of questions and the time limit into six
characters from an alphabet without look-alikes (no 0/O, 1/I/L), so it can
be read aloud or written on a whiteboard.
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 6
MAX_COUNT = 63
MINUTE_STEP = 5
MAX_STEPS = 31  # up to 155 minutes
_SLOTS = (MAX_COUNT + 1) * (MAX_STEPS + 1)
MAX_SEED = len(ALPHABET) ** LENGTH // _SLOTS


class ExamCodeError(ValueError):
    """What was typed is not an exam code; the message says what one looks like."""


@dataclass(frozen=True)
class ExamSpec:
    seed: int
    count: int
    minutes: int  # 0 = no time limit

    @property
    def code(self) -> str:
        return encode(self)


def encode(spec: ExamSpec) -> str:
    if not (0 <= spec.seed < MAX_SEED and 1 <= spec.count <= MAX_COUNT):
        raise ValueError(f"seed must be below {MAX_SEED} and count 1–{MAX_COUNT}")
    steps = min(MAX_STEPS, -(-spec.minutes // MINUTE_STEP))
    value = (spec.seed * (MAX_COUNT + 1) + spec.count) * (MAX_STEPS + 1) + steps
    chars = []
    for _ in range(LENGTH):
        value, digit = divmod(value, len(ALPHABET))
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def decode(code: str) -> ExamSpec:
    """Read a code typed by a person (case and spaces ignored); ValueError if it is not one."""
    cleaned = code.strip().upper().replace(" ", "").replace("-", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        raise ExamCodeError(f"An exam code is {LENGTH} characters from {ALPHABET}; {code!r} is not one.")
    value = 0
    for ch in cleaned:
        value = value * len(ALPHABET) + ALPHABET.index(ch)
    rest, steps = divmod(value, MAX_STEPS + 1)
    seed, count = divmod(rest, MAX_COUNT + 1)
    if count == 0:
        raise ExamCodeError(f"{code!r} is not a valid exam code.")
    return ExamSpec(seed, count, steps * MINUTE_STEP)
