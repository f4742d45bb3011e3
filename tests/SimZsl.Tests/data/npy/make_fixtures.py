"""Writes the .npy fixtures the NPY reader tests compare against, with NumPy as the independent writer: every dtype
the reader supports, C and Fortran order, little and big endian, format versions 1 to 3. The expected values (in C
order) go to reference.json. Run from the repository root with Debian's python: /usr/bin/python3 <this file>."""
import json, os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
base = np.array([[1, -2, 3], [4, 5, -6]], dtype=np.float64)      # 2 x 3, signs and order visible
cube = np.arange(24, dtype=np.float64).reshape(2, 3, 4) - 7.5   # 3-d, for Fortran order beyond rank 2
reference = {}

def save(name, array, version=None):
    path = os.path.join(here, name + '.npy')
    with open(path, 'wb') as f:
        np.lib.format.write_array(f, array, version=version)
    reference[name] = {'shape': list(array.shape), 'values': [float(v) for v in np.ascontiguousarray(array).ravel()],
                       'dtype': array.dtype.str, 'fortran': bool(np.isfortran(array))}

for dtype in [e + t for t in ['f2', 'f4', 'f8', 'i2', 'i4', 'i8', 'u2', 'u4', 'u8'] for e in '<>']:   # both byte orders of each
    values = base if dtype[1] != 'u' else np.abs(base)
    for order in 'CF':
        save(f"{ {'<': 'le', '>': 'be'}[dtype[0]] }_{dtype[1:]}_{order}", np.array(values, dtype=dtype, order=order))
save('i1_C', np.array(base, dtype=np.int8))
save('u1_F', np.array(np.abs(base), dtype=np.uint8, order='F'))
save('b1_F', np.array(base > 0, order='F'))
save('f8_cube_F', np.asfortranarray(cube))
save('f8_cube_C', cube)
save('f8_v2_F', np.asfortranarray(base), version=(2, 0))
save('f8_v3_C', base, version=(3, 0))
save('f8_column_F', np.asfortranarray(base[:, :1]))
save('f8_vector', base[0])

with open(os.path.join(here, 'reference.json'), 'w') as f:
    json.dump(reference, f, indent=1, sort_keys=True)
