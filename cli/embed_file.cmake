# Writes OUTPUT, a C++ source defining argmap::kEmbeddedExample with the bytes of INPUT.
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUTPUT} "#include <string_view>\nnamespace argmap {\nstatic const char kBytes[] = {${bytes} 0};\nextern const std::string_view kEmbeddedExample(kBytes, sizeof(kBytes) - 1);\n}  // namespace argmap\n")
