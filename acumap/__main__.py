from acumap.cli import main

raise SystemExit(main())
