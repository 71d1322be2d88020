# Install rules and the CMake/pkg-config packages that let another project
# use dlc (docs/downstream.md):
#   cmake --install build --prefix P
# gives P/include/dlc/ (the public headers at their repository paths, and the
# umbrella dlc.h), P/lib/libdlc*.a, P/bin/dlc, P/lib/cmake/dlc/ (dlcConfig,
# version, exported targets: dlc::dlc) and P/lib/pkgconfig/dlc.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# --- public headers --------------------------------------------------------
# Whole directories, so a header added to the public API is installed without
# editing this list. They must not include MLIR or LLVM: test
# install.downstream fails if one does (scripts/check-installed-headers.sh).
set(DLC_PUBLIC_HEADER_GLOBS
  frontend/*.h frontend/nn/*.h frontend/ops/*.h frontend/zoo/*.h
  runtime/core/*.h runtime/data/*.h runtime/io/*.h runtime/metrics/*.h runtime/text/*.h)
# Headers in those directories that build IR (they include MLIR): not public.
set(DLC_PRIVATE_HEADERS frontend/ops/OpSupport.h)
file(GLOB DLC_PUBLIC_HEADERS RELATIVE ${PROJECT_SOURCE_DIR} CONFIGURE_DEPENDS
     ${DLC_PUBLIC_HEADER_GLOBS})
list(REMOVE_ITEM DLC_PUBLIC_HEADERS ${DLC_PRIVATE_HEADERS})
list(APPEND DLC_PUBLIC_HEADERS dlc.h passes/PipelineOptions.h)
foreach(header IN LISTS DLC_PUBLIC_HEADERS)
  get_filename_component(dir ${header} DIRECTORY)
  install(FILES ${header} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dlc/${dir})
endforeach()

# --- libraries, the tool, and dlc::dlc -------------------------------------
# Static libraries; link order comes from their (exported) dependencies.
set(DLC_INSTALLED_LIBRARIES
  dlcFrontend dlcIO dlcText dlcMetrics dlcCPU dlcPasses dlcIR dlcShapes dlcOneDNN dlcData
  dlcRuntime dlcRuntimeABI)
# The one target users link. (The name `dlc` is the tool's, hence dlcPackage,
# exported as dlc::dlc.)
add_library(dlcPackage INTERFACE)
set_target_properties(dlcPackage PROPERTIES EXPORT_NAME dlc)
target_link_libraries(dlcPackage INTERFACE dlcFrontend dlcIO dlcText dlcMetrics)
# The headers use C++20 (std::source_location, designated initializers).
target_compile_features(dlcPackage INTERFACE cxx_std_20)
target_include_directories(dlcPackage INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/dlc>)
add_library(dlc::dlc ALIAS dlcPackage)

install(TARGETS ${DLC_INSTALLED_LIBRARIES} dlcPackage EXPORT dlcTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# The installed tool keeps the rpath to LLVM's library directory (libMLIR is
# only there); CMake would otherwise strip it on install.
set_target_properties(dlc PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
install(TARGETS dlc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT dlcTargets NAMESPACE dlc::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dlc)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/dlcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/dlcConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dlc)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/dlcConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/dlcConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/dlcConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dlc)

# --- pkg-config ------------------------------------------------------------
# The same link line, spelled out: dlc's archives in dependency order, then
# what they need. libMLIR lives only in LLVM's own lib directory, hence the
# rpath. The prefix is found from the .pc file's own place, so that
# `cmake --install --prefix P` needs no reconfiguration.
set(DLC_PC_LIBS "")
foreach(lib IN LISTS DLC_INSTALLED_LIBRARIES)
  string(APPEND DLC_PC_LIBS " -l${lib}")
endforeach()
file(RELATIVE_PATH DLC_PC_TO_PREFIX /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
get_filename_component(DLC_PC_GOMP_DIR ${GOMP_LIBRARY} DIRECTORY)
configure_file(${PROJECT_SOURCE_DIR}/cmake/dlc.pc.in ${PROJECT_BINARY_DIR}/cmake/dlc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/dlc.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
