from policy_model.cli import main

raise SystemExit(main())
