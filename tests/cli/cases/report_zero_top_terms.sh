# --top-terms 0 is a usage error, with the library's reason, before the model is read (the
# library's nt_report_options_check holds the ranges; the CLI only reads the number).
"$NT" report missing.ntm --top-terms 0
