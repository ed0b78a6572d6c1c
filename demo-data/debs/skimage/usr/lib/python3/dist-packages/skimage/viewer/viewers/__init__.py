from .core import ImageViewer, CollectionViewer
