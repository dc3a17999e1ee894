# Finds every external library and exposes each one as an imported target.
find_package(PkgConfig REQUIRED)
find_package(OpenMP REQUIRED COMPONENTS C)
find_package(Threads REQUIRED)
find_library(NT_LIBM m)

# OpenBLAS through pkg-config: find_package(BLAS) on Debian silently picks the
# reference BLAS through the alternatives system, and the NMF code calls OpenBLAS's own
# openblas_set_num_threads, so OpenBLAS is required.
#
# Debian ships three builds of OpenBLAS side by side. nmftopics is an OpenMP program, so it
# links the OpenMP build by default: BLAS then runs on the program's own OpenMP threads.
# The pthread build (the alternatives' default) starts a thread pool of its own when it is
# loaded, whose idle threads spin for about 0.1 s after start-up and after every BLAS call,
# taking a core from the OpenMP threads on small machines (measured: 10% of tfidf's wall
# time on 2 cores).
set(NT_OPENBLAS_BUILD openmp CACHE STRING "Debian OpenBLAS build to link: openmp, pthread or serial")
set(nt_openblas_builds openmp pthread serial)
set_property(CACHE NT_OPENBLAS_BUILD PROPERTY STRINGS ${nt_openblas_builds})
if(NOT NT_OPENBLAS_BUILD IN_LIST nt_openblas_builds)
  list(JOIN nt_openblas_builds ", " nt_names)
  message(FATAL_ERROR "NT_OPENBLAS_BUILD is '${NT_OPENBLAS_BUILD}'; it must be one of: ${nt_names}")
endif()
# pkg-config results are cached per prefix, so the prefix names what is looked for: a build
# folder configured before (or with another NT_OPENBLAS_BUILD, or before that build was
# installed) looks again instead of keeping the library it found then.
set(NT_OPENBLAS_DIR "/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/openblas-${NT_OPENBLAS_BUILD}")
if(EXISTS "${NT_OPENBLAS_DIR}/pkgconfig/openblas.pc")
  set(NT_OPENBLAS_PKGCONFIG "${NT_OPENBLAS_DIR}/pkgconfig")
  set(ENV{PKG_CONFIG_PATH} "${NT_OPENBLAS_PKGCONFIG}:$ENV{PKG_CONFIG_PATH}")
  string(TOUPPER "OPENBLAS_${NT_OPENBLAS_BUILD}" NT_BLAS)
else()
  message(WARNING "nmftopics: no OpenBLAS ${NT_OPENBLAS_BUILD} build in ${NT_OPENBLAS_DIR} "
                  "(on Debian: apt install libopenblas-${NT_OPENBLAS_BUILD}-dev); linking "
                  "whichever OpenBLAS `pkg-config openblas` names")
  set(NT_OPENBLAS_PKGCONFIG "")
  set(NT_BLAS OPENBLAS_DEFAULT)
endif()
pkg_check_modules(${NT_BLAS} REQUIRED IMPORTED_TARGET openblas)
add_library(nt::blas ALIAS PkgConfig::${NT_BLAS})
# Programs find that build through their RPATH (CMake sets it in the build tree; keep it when
# installing), not through the alternatives. CHOLMOD's libblas.so.3 and liblapack.so.3 are
# thin layers over libopenblas.so.0 and bind to the one already loaded. nmftopics.pc and
# the exported package name the same build for programs that link the library.
set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON)
set(NT_OPENBLAS_LIBDIR "${${NT_BLAS}_LIBRARY_DIRS}")
message(STATUS "nmftopics: BLAS/LAPACK = OpenBLAS ${${NT_BLAS}_VERSION} (${${NT_BLAS}_LINK_LIBRARIES})")

find_package(CHOLMOD REQUIRED)
find_package(Stemmer REQUIRED)
find_package(Utf8proc REQUIRED)
if(BUILD_TESTING)
  pkg_check_modules(CHECK REQUIRED IMPORTED_TARGET check)
endif()
