from kennisschakels.cli import main

raise SystemExit(main())
