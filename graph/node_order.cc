#include "graph/node_order.h"

namespace argmap {

std::string_view NodeOrder::Title(Vertex v) const {
  const VertexData& d = map_.vertex(v);
  return d.kind == NodeKind::kStatement ? std::string_view(map_.statements()[d.index].title)
                                        : std::string_view(map_.arguments()[d.index].title);
}

int NodeOrder::Compare(Vertex a, Vertex b) const {
  if (a == b) return 0;
  if (int c = Title(a).compare(Title(b)); c != 0) return c;
  const VertexData& x = map_.vertex(a);
  const VertexData& y = map_.vertex(b);
  bool x_argument = x.kind != NodeKind::kStatement;
  bool y_argument = y.kind != NodeKind::kStatement;
  if (x_argument != y_argument) return x_argument ? 1 : -1;
  return x.step < y.step ? -1 : (x.step > y.step ? 1 : 0);
}

}  // namespace argmap
