# report needs the model path; an unknown format is a usage error.
expect_status 2 "$NT" report 2> none.err
grep -q "^nmftopics: report: missing argument" none.err || exit 96
"$NT" report m.ntm --format xml
