# Finds every external library and exposes each one as an imported target.
find_package(PkgConfig REQUIRED)
find_package(OpenMP REQUIRED COMPONENTS C)
find_package(Threads REQUIRED)
find_library(NT_LIBM m)

# OpenBLAS through pkg-config: find_package(BLAS) on Debian silently picks the
# reference BLAS through the alternatives system.
pkg_check_modules(OPENBLAS IMPORTED_TARGET openblas)
if(OPENBLAS_FOUND)
  add_library(nt::blas ALIAS PkgConfig::OPENBLAS)
  message(STATUS "nmftopics: BLAS/LAPACK = OpenBLAS ${OPENBLAS_VERSION} (${OPENBLAS_LINK_LIBRARIES})")
elseif(NT_ALLOW_REFERENCE_BLAS)
  find_package(LAPACK REQUIRED)
  add_library(nt_blas_fallback INTERFACE)
  target_link_libraries(nt_blas_fallback INTERFACE ${LAPACK_LIBRARIES})
  add_library(nt::blas ALIAS nt_blas_fallback)
  message(WARNING "nmftopics: OpenBLAS not found; linking ${LAPACK_LIBRARIES} (slow)")
else()
  message(FATAL_ERROR "nmftopics: OpenBLAS not found through pkg-config (install libopenblas-dev, "
                      "or configure with -DNT_ALLOW_REFERENCE_BLAS=ON to accept a slow BLAS)")
endif()

find_package(CHOLMOD REQUIRED)
find_package(Stemmer REQUIRED)
find_package(Utf8proc REQUIRED)
if(BUILD_TESTING)
  pkg_check_modules(CHECK REQUIRED IMPORTED_TARGET check)
endif()
