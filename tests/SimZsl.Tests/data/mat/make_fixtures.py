"""Writes the MAT v5 fixtures and the reference values the MAT reader tests compare against, with SciPy as the
independent writer and reader. Run from the repository root with Debian's python: /usr/bin/python3 <this file>."""
import glob, json, os
import numpy as np
import scipy.io as sio
import scipy.sparse as sps

here = os.path.dirname(os.path.abspath(__file__))

def fixture_variables():
    return {
        'd': np.arange(1, 7, dtype=np.float64).reshape(2, 3),          # [[1,2,3],[4,5,6]]
        's': np.array([[1.5, -2.25]], dtype=np.float32),
        'i8': np.array([[-128, 127]], dtype=np.int8),
        'u8': np.array([[0, 255]], dtype=np.uint8),
        'i16': np.array([[-32768, 32767]], dtype=np.int16),
        'u16': np.array([[0, 65535]], dtype=np.uint16),
        'i32': np.array([[-2147483648, 2147483647]], dtype=np.int32),
        'u32': np.array([[0, 4294967295]], dtype=np.uint32),
        'i64': np.array([[-(2**53), 2**53]], dtype=np.int64),
        'u64': np.array([[0, 2**53]], dtype=np.uint64),
        'b': np.array([[True, False, True]]),
        'z': np.array([[1 + 2j, 3 - 4j]]),
        'txt': 'h\u00e9llo \u20ac',
        'chm': np.array(['ab ', 'cde']),
        'cel': np.array([['one', np.array([[1.0, 2.0]])], ['two', np.zeros((0, 0))]], dtype=object),
        'st': {'alpha': np.array([[7.0]]), 'beta': 'text'},
        'sp': sps.csc_matrix(np.array([[0, 1.0], [2.0, 0]])),
        'empty': np.zeros((0, 0)),
        'nd': np.arange(24, dtype=np.float64).reshape(2, 3, 4),
    }

for compress, name in [(False, 'scipy_types.mat'), (True, 'scipy_types_compressed.mat')]:
    sio.savemat(os.path.join(here, name), fixture_variables(), do_compression=compress, oned_as='row')

# Reference values of the shipped xlsa17 files: shape, dtype, sum (numeric) or strings (cells).
reference = {}
for path in sorted(glob.glob('samples/data/xlsa17/*/*.mat')):
    entry = {}
    for key, value in sio.loadmat(path).items():
        if key.startswith('__'):
            continue
        if value.dtype == object:
            entry[key] = {'shape': list(value.shape), 'strings': [str(c[0]) for c in value.ravel(order='F')]}
        else:
            entry[key] = {'shape': list(value.shape), 'dtype': str(value.dtype),
                          'sum': float(value.astype(np.float64).sum()),
                          'first': float(value.ravel(order='F')[0]), 'last': float(value.ravel(order='F')[-1])}
    reference[os.path.relpath(path, 'samples/data/xlsa17')] = entry
with open(os.path.join(here, 'xlsa17_reference.json'), 'w') as f:
    json.dump(reference, f, indent=1)
