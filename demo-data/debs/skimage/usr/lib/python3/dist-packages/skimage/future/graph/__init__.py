from .graph_cut import cut_threshold, cut_normalized
from .rag import rag_mean_color, RAG, show_rag, rag_boundary
from .graph_merge import merge_hierarchical
ncut = cut_normalized

__all__ = ['rag_mean_color',
           'cut_threshold',
           'cut_normalized',
           'ncut',
           'show_rag',
           'merge_hierarchical',
           'rag_boundary',
           'RAG']
