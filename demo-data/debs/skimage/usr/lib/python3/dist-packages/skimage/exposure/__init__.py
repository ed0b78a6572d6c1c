from .exposure import histogram, equalize_hist, \
                      rescale_intensity, cumulative_distribution, \
                      adjust_gamma, adjust_sigmoid, adjust_log, \
                      is_low_contrast

from ._adapthist import equalize_adapthist
from .histogram_matching import match_histograms


__all__ = ['histogram',
           'equalize_hist',
           'equalize_adapthist',
           'rescale_intensity',
           'cumulative_distribution',
           'adjust_gamma',
           'adjust_sigmoid',
           'adjust_log',
           'is_low_contrast',
           'match_histograms']
