from .linetool import LineTool, ThickLineTool
from .recttool import RectangleTool
from .painttool import PaintTool
