# dlc-bench-onednn: the oneDNN conv/pool kernels at LeNet's batch-256 shapes,
# plain layout (the entry points) vs format_tag::any. Included from
# bench/CMakeLists.txt.
add_executable(dlc-bench-onednn ${CMAKE_CURRENT_LIST_DIR}/onednn_kernels.cpp)
target_link_libraries(dlc-bench-onednn PRIVATE dlcOneDNN fmt::fmt)

# dlc-bench-rnn: the recurrent kernels at W3's shapes (bench/run.sh rnn).
add_executable(dlc-bench-rnn ${CMAKE_CURRENT_LIST_DIR}/rnn_kernels.cpp)
target_link_libraries(dlc-bench-rnn PRIVATE dlcOneDNN fmt::fmt)
