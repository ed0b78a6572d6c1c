import pytest

from lh import Lake


@pytest.fixture
def lake():
    lk = Lake()
    yield lk
    lk.close()
