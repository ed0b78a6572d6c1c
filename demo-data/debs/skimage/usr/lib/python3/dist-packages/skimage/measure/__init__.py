from ._find_contours import find_contours
from ._marching_cubes_lewiner import marching_cubes
from ._marching_cubes_classic import mesh_surface_area
from ._regionprops import (regionprops, perimeter,
                           perimeter_crofton, euler_number, regionprops_table)
from ._polygon import approximate_polygon, subdivide_polygon
from .pnpoly import points_in_poly, grid_points_in_poly
from ._moments import (moments, moments_central, moments_coords,
                       moments_coords_central, moments_normalized, centroid,
                       moments_hu, inertia_tensor, inertia_tensor_eigvals)
from .profile import profile_line
from .fit import LineModelND, CircleModel, EllipseModel, ransac
from .block import block_reduce
from ._label import label
from .entropy import shannon_entropy
from ._blur_effect import blur_effect


__all__ = ['find_contours',
           'regionprops',
           'regionprops_table',
           'perimeter',
           'perimeter_crofton',
           'euler_number',
           'approximate_polygon',
           'subdivide_polygon',
           'LineModelND',
           'CircleModel',
           'EllipseModel',
           'ransac',
           'block_reduce',
           'moments',
           'moments_central',
           'moments_coords',
           'moments_coords_central',
           'moments_normalized',
           'moments_hu',
           'inertia_tensor',
           'inertia_tensor_eigvals',
           'marching_cubes',
           'mesh_surface_area',
           'profile_line',
           'label',
           'points_in_poly',
           'grid_points_in_poly',
           'shannon_entropy',
           'blur_effect',
           ]
