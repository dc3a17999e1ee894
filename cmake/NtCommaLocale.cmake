# NtCommaLocale: a comma-decimal locale (de_DE.UTF-8) compiled into the build tree with
# localedef (Debian package "locales"), so tests can check that machine-readable output does
# not follow a host program's LC_NUMERIC. No root needed: tests find it through LOCPATH.
find_program(NT_LOCALEDEF localedef)
set(NT_COMMA_LOCALE_DIR "${CMAKE_BINARY_DIR}/locale")
if(NT_LOCALEDEF AND EXISTS /usr/share/i18n/locales/de_DE)
  add_custom_command(OUTPUT "${NT_COMMA_LOCALE_DIR}/de_DE.UTF-8/LC_NUMERIC"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${NT_COMMA_LOCALE_DIR}"
    COMMAND "${NT_LOCALEDEF}" -i de_DE -f UTF-8 "${NT_COMMA_LOCALE_DIR}/de_DE.UTF-8"
    COMMENT "Compiling the de_DE.UTF-8 locale for the comma-decimal tests"
    VERBATIM)
  add_custom_target(nt_comma_locale DEPENDS "${NT_COMMA_LOCALE_DIR}/de_DE.UTF-8/LC_NUMERIC")
else()
  message(STATUS "localedef or the de_DE locale source is missing (package locales): "
                 "the comma-decimal tests are left out")
endif()

# nt_use_comma_locale(test): the test program gets NT_TEST_COMMA_LOCALE="de_DE.UTF-8" and
# NT_TEST_LOCPATH, the folder holding it, when it could be made.
function(nt_use_comma_locale name)
  if(TARGET nt_comma_locale)
    add_dependencies(${name} nt_comma_locale)
    target_compile_definitions(${name} PRIVATE NT_TEST_COMMA_LOCALE="de_DE.UTF-8"
                                                NT_TEST_LOCPATH="${NT_COMMA_LOCALE_DIR}")
  endif()
endfunction()
