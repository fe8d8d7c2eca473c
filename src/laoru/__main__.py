import sys

from laoru.cli import main

sys.exit(main())
