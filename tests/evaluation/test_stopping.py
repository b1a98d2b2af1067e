import pytest

from quantreason.reply import has_complete_answer
from quantreason.stopping import answer_stopping_criteria


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        ("Reasoning: r\nFormula: 1 + 1\n", True),  # the formula is the answer we evaluate
        ("Final answer: 22.6 %\nand then more", True),  # a model that writes no formula
        ("Reasoning: r\nFormula: 1 + 1", False),  # the formula may still grow
        ("Reasoning: r\n", False),
        ("Answer: 2", False),  # the number may still grow
        ("Formula:\n", False),  # nothing on the line yet
        ("Answer:  \n", False),
        ("The answer: is coming\n", False),  # not at the start of a line
        ("In the formula: x\n", False),
    ],
)
def test_complete_formula_or_answer_line(text: str, complete: bool) -> None:
    assert has_complete_answer(text) is complete


def test_criterion_stops_rows_independently_and_ignores_the_prompt() -> None:
    import torch

    from quantreason.models import build_tiny_tokenizer

    tokenizer = build_tiny_tokenizer()  # byte-level: one token per character
    prompt = "Q?\nAnswer: 5\n"  # an answer line inside the prompt must not stop generation
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    criteria = answer_stopping_criteria(tokenizer, prompt_length=len(prompt_ids))

    def step(rows: list[str]) -> list[bool]:  # rows of equal length, as in a batch
        ids = [prompt_ids + tokenizer(r, add_special_tokens=False)["input_ids"] for r in rows]
        return criteria(torch.tensor(ids), None).tolist()

    assert step(["Reasoning: ", "Answer: 7  "]) == [False, False]
    assert step(["Reasoning: r\n", "Answer: 7   \n"]) == [False, True]
    assert step(["Reasoning: r\nForm", "x" * 17]) == [False, True]
    # a finished row stays finished even if later text would not match
    assert step(["Reasoning: r\nFormula: 2\n", "x" * 24]) == [True, True]
