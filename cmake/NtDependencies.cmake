# Finds every external library and exposes each one as an imported target.
find_package(PkgConfig REQUIRED)
find_package(OpenMP REQUIRED COMPONENTS C)
find_package(Threads REQUIRED)
find_library(NT_LIBM m)

# OpenBLAS through pkg-config: find_package(BLAS) on Debian silently picks the
# reference BLAS through the alternatives system, and the NMF code calls OpenBLAS's own
# openblas_set_num_threads, so OpenBLAS is required.
pkg_check_modules(OPENBLAS REQUIRED IMPORTED_TARGET openblas)
add_library(nt::blas ALIAS PkgConfig::OPENBLAS)
message(STATUS "nmftopics: BLAS/LAPACK = OpenBLAS ${OPENBLAS_VERSION} (${OPENBLAS_LINK_LIBRARIES})")

find_package(CHOLMOD REQUIRED)
find_package(Stemmer REQUIRED)
find_package(Utf8proc REQUIRED)
if(BUILD_TESTING)
  pkg_check_modules(CHECK REQUIRED IMPORTED_TARGET check)
endif()
