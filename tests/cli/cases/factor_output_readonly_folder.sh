# -o into a folder this user may not write is refused before the factorisation, naming the
# folder. root may write anywhere, so as root the program runs as nobody.
mkdir ro
chmod 555 ro
chmod 755 .
as_user=()
[ "$(id -u)" != 0 ] || as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
"${as_user[@]}" "$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o ro/x
