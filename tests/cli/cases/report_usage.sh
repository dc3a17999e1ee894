# report needs the model path; an unknown format is a usage error.
"$NT" report && exit 98
"$NT" report m.ntm --format xml
