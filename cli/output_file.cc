#include "cli/output_file.h"

#include <cstdio>
#include <fstream>

namespace argmap {

Status WriteOutput(const std::string& path, std::ostream& out,
                   const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(out);
    return out ? Status::Ok() : Status::IoError("cannot write to standard output");
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return Status::IoError("cannot write " + path);
    write(file);
    file.flush();
    if (!file) {
      std::remove(temporary.c_str());
      return Status::IoError("cannot write " + path);
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Status::IoError("cannot write " + path);
  }
  return Status::Ok();
}

}  // namespace argmap
