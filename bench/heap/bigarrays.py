#!/usr/bin/env python3
"""The large arrays in a heap dump, named by the fields that hold them.

    bench/heap/bigarrays.py DUMP.hprof [MIN_BYTES]

G1 puts every object of half a region or more (512 KB with the 1 MB regions of a
heap up to 2 GB) in regions of its own, never moved: a class histogram counts
their bytes, but not the regions they take nor who holds them. This reads an
HPROF dump (`jcmd PID GC.heap_dump FILE`, live objects only by default) and
prints the arrays of at least MIN_BYTES (default 512 KB), grouped by type and by
the class and field, or array class, that points at them. Pure Python, no
dependencies; a 200 MB dump takes a minute or two.
"""
import struct
import sys
from collections import defaultdict

PRIMITIVES = {4: ('boolean', 1), 5: ('char', 2), 6: ('float', 4), 7: ('double', 8), 8: ('byte', 1),
              9: ('short', 2), 10: ('int', 4), 11: ('long', 8)}
OBJECT = 2  # the basic type of a reference


class Dump:
    def __init__(self, path):
        self.data = data = open(path, 'rb').read()
        end = data.index(b'\0')
        self.idsize = struct.unpack_from('>I', data, end + 1)[0]
        self.id_format = '>Q' if self.idsize == 8 else '>I'
        self.sizes = {t: size for t, (_, size) in PRIMITIVES.items()}
        self.sizes[OBJECT] = self.idsize
        self.strings, self.class_name_ids, self.segments = {}, {}, []
        pos = end + 1 + 4 + 8
        while pos < len(data):
            tag, _, length = struct.unpack_from('>BII', data, pos)
            body, pos = pos + 9, pos + 9 + length
            if tag == 0x01:    # STRING: id, UTF-8
                self.strings[self.id_at(body)] = data[body + self.idsize:pos].decode('utf-8', 'replace')
            elif tag == 0x02:  # LOAD CLASS: serial, class id, stack serial, name id
                self.class_name_ids[self.id_at(body + 4)] = self.id_at(body + 8 + self.idsize)
            elif tag in (0x0C, 0x1C):  # HEAP DUMP (SEGMENT)
                self.segments.append((body, pos))

    def id_at(self, p):
        return struct.unpack_from(self.id_format, self.data, p)[0]

    def u4(self, p):
        return struct.unpack_from('>I', self.data, p)[0]

    def u2(self, p):
        return struct.unpack_from('>H', self.data, p)[0]

    def class_name(self, class_id):
        return self.strings.get(self.class_name_ids.get(class_id), '?%x' % class_id)

    def sub_records(self):
        """Every heap sub-record as (kind, position of its body); the walk skips each by its size."""
        n, data = self.idsize, self.data
        fixed = {0xFF: n, 0x05: n, 0x07: n, 0x01: 2 * n, 0x02: n + 8, 0x03: n + 8, 0x08: n + 8, 0x04: n + 4,
                 0x06: n + 4}
        for start, stop in self.segments:
            p = start
            while p < stop:
                kind, p = data[p], p + 1
                yield kind, p
                if kind in fixed:
                    p += fixed[kind]
                elif kind == 0x20:
                    p = self.class_end(p)[0]
                elif kind == 0x21:    # INSTANCE: id, stack, class id, length, fields
                    p += 2 * n + 8 + self.u4(p + 2 * n + 4)
                elif kind == 0x22:    # OBJECT ARRAY: id, stack, count, class id, ids
                    p += 2 * n + 8 + self.u4(p + n + 4) * n
                elif kind == 0x23:    # PRIMITIVE ARRAY: id, stack, count, type, values
                    p += n + 9 + self.u4(p + n + 4) * PRIMITIVES[data[p + n + 8]][1]
                else:
                    raise SystemExit('unknown heap sub-record 0x%x at %d' % (kind, p))

    def class_end(self, p):
        """A CLASS DUMP at p: where it ends, its super class id, its instance fields (name, type)
        and its static references (name, object id)."""
        n = self.idsize
        super_id = self.id_at(p + n + 4)
        p += 7 * n + 8
        count, p = self.u2(p), p + 2
        for _ in range(count):            # constant pool: index, type, value
            p += 3 + self.sizes[self.data[p + 2]]
        count, p = self.u2(p), p + 2
        statics = []
        for _ in range(count):            # statics: name id, type, value
            if self.data[p + n] == OBJECT:
                statics.append((self.strings.get(self.id_at(p), '?'), self.id_at(p + n + 1)))
            p += n + 1 + self.sizes[self.data[p + n]]
        count, p = self.u2(p), p + 2
        fields = []
        for _ in range(count):            # instance fields: name id, type
            fields.append((self.strings.get(self.id_at(p), '?'), self.data[p + n]))
            p += n + 1
        return p, super_id, fields, statics


def main(path, min_bytes):
    dump = Dump(path)
    n = dump.idsize
    classes, big = {}, {}
    for kind, p in dump.sub_records():
        if kind == 0x20:
            _, super_id, fields, _ = dump.class_end(p)
            classes[dump.id_at(p)] = (super_id, fields)
        elif kind == 0x22 and dump.u4(p + n + 4) * n >= min_bytes:
            count = dump.u4(p + n + 4)
            big[dump.id_at(p)] = (dump.class_name(dump.id_at(p + n + 8)), count * n)
        elif kind == 0x23:
            name, size = PRIMITIVES[dump.data[p + n + 8]]
            if dump.u4(p + n + 4) * size >= min_bytes:
                big[dump.id_at(p)] = (name + '[]', dump.u4(p + n + 4) * size)

    layouts = {}

    def layout(class_id):
        if class_id not in layouts:
            fields, c = [], class_id
            while c in classes:
                fields.extend(classes[c][1])
                c = classes[c][0]
            layouts[class_id] = fields
        return layouts[class_id]

    holders = defaultdict(set)
    for kind, p in dump.sub_records():
        if kind == 0x20:
            for field, ref in dump.class_end(p)[3]:
                if ref in big:
                    holders[ref].add(dump.class_name(dump.id_at(p)) + '.' + field + ' (static)')
        elif kind == 0x21:
            class_id = dump.id_at(p + n + 4)
            q = p + 2 * n + 8
            for field, basic_type in layout(class_id):
                if basic_type == OBJECT and dump.id_at(q) in big:
                    holders[dump.id_at(q)].add(dump.class_name(class_id) + '.' + field)
                q += dump.sizes[basic_type]
        elif kind == 0x22:
            owner = dump.class_name(dump.id_at(p + n + 8)) + ' element'
            q = p + 2 * n + 8
            for i in range(dump.u4(p + n + 4)):
                if dump.id_at(q + i * n) in big:
                    holders[dump.id_at(q + i * n)].add(owner)

    groups = defaultdict(lambda: [0, 0])
    for array_id, (kind, size) in big.items():
        held_by = ', '.join(sorted(holders.get(array_id, ['(no field: a root or unreachable)'])))
        groups[(kind, held_by)][0] += 1
        groups[(kind, held_by)][1] += size
    print('%d arrays of at least %d bytes, %.1f MB' % (len(big), min_bytes, sum(s for _, s in big.values()) / 1e6))
    for (kind, held_by), (count, size) in sorted(groups.items(), key=lambda g: -g[1][1]):
        print('%6.1f MB  %4d x %-28s <- %s' % (size / 1e6, count, kind, held_by))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 512 * 1024)
