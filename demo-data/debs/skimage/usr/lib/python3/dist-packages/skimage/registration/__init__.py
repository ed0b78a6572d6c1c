from ._optical_flow import optical_flow_tvl1, optical_flow_ilk
from ._phase_cross_correlation import phase_cross_correlation

__all__ = [
    'optical_flow_ilk',
    'optical_flow_tvl1',
    'phase_cross_correlation'
    ]
