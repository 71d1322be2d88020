# dlc-bench-text: load-and-batch times of the sequence data pipelines
# (runtime/text) on ../shared/data's fra.txt and The Time Machine. Included
# from bench/CMakeLists.txt.
add_executable(dlc-bench-text ${CMAKE_CURRENT_LIST_DIR}/text_pipeline.cpp)
target_link_libraries(dlc-bench-text PRIVATE dlcText fmt::fmt)
target_compile_definitions(dlc-bench-text PRIVATE DLC_REPO_ROOT="${PROJECT_SOURCE_DIR}")
