"""The conversion pauses Python's cycle collector while its passes run, and gives it back as it was."""

import gc

import pytest

from edition.pipeline import collector_paused


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_on_again_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error(collector_on):
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("a pass failed")
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outer_one(collector_on):
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_left_off_when_it_was_off(collector_on):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
