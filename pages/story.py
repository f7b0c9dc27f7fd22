"""Story: the Atlas's argument as prepared slides, one link per slide, for presenting live."""

from ui.frame import ensure_frame
from ui.story import page

ensure_frame()  # a slide link opened first after a server start still gets the frame and theme

page()
