# The lit suite (test/IR, test/Passes, test/Pipelines, test/dlc), registered
# with ctest so one `ctest` runs everything.
find_program(LLVM_EXTERNAL_LIT NAMES lit PATHS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH REQUIRED)
set(Python3_EXECUTABLE /usr/bin/python3)
configure_lit_site_cfg(
  ${CMAKE_CURRENT_SOURCE_DIR}/lit.site.cfg.py.in
  ${CMAKE_CURRENT_BINARY_DIR}/lit.site.cfg.py
  MAIN_CONFIG ${CMAKE_CURRENT_SOURCE_DIR}/lit.cfg.py)
add_test(NAME lit COMMAND ${LLVM_EXTERNAL_LIT} -sv ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(lit PROPERTIES DEPENDS "" TIMEOUT 900)
