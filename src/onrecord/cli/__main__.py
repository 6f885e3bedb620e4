"""``python -m onrecord.cli``."""

import sys

from . import main

sys.exit(main())
