# Install rules: library, headers, CLI, an exported CMake package and nmftopics.pc.
include(CMakePackageConfigHelpers)
install(TARGETS nmftopics EXPORT nmftopicsTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/nmftopics DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES cmake/FindCHOLMOD.cmake cmake/FindStemmer.cmake cmake/FindUtf8proc.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/nmftopics)
install(EXPORT nmftopicsTargets NAMESPACE nmftopics::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/nmftopics)
configure_package_config_file(cmake/nmftopicsConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/nmftopicsConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/nmftopics)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/nmftopicsConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/nmftopicsConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/nmftopicsConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/nmftopics)
configure_file(cmake/nmftopics.pc.in ${CMAKE_CURRENT_BINARY_DIR}/nmftopics.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/nmftopics.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
