# run_example.cmake: runs an example program and checks both its exit status and its
# standard output (ctest's PASS_REGULAR_EXPRESSION alone would ignore the exit status).
# cmake -DCOMMAND="program;arg;..." -DEXPECT="regex;regex;..." -P run_example.cmake
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT status STREQUAL "0")
  message(FATAL_ERROR "${COMMAND}: exit status ${status}\n${err}${out}")
endif()
foreach(re IN LISTS EXPECT)
  if(NOT out MATCHES "${re}")
    message(FATAL_ERROR "${COMMAND}: the output does not match '${re}':\n${out}")
  endif()
endforeach()
message(STATUS "${out}")
