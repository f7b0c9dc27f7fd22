"""Story: the Atlas's argument as prepared slides, one link per slide, for presenting live."""

from ui.story import page

page()
