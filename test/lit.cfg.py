# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "DLC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt", "unit", "Inputs", "fixtures", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.dlc_obj_root, "test")

llvm_config.with_system_environment(["HOME", "TMPDIR"])
llvm_config.use_default_substitutions()
config.substitutions.append(("%dlc_src", config.dlc_src_root))
llvm_config.add_tool_substitutions(["dlc-opt", "dlc", "npy-compare"], [config.dlc_tools_dir])
config.substitutions.append(("%fixtures", os.path.join(config.dlc_src_root, "test", "fixtures")))
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
config.substitutions.append(("%dlc_python", "/usr/bin/python3"))
