/**
 * Primitive polynomials and initial direction numbers of the Sobol sequence
 * for dimensions 2 to 50, from S. Joe and F. Y. Kuo, "Constructing Sobol
 * sequences with better two-dimensional projections", SIAM J. Sci. Comput.
 * 30 (2008) 2635–2654, table new-joe-kuo-6.21201. Each row is
 * `[a, [m_1, …, m_s]]`: `a` encodes the inner coefficients of the primitive
 * polynomial of degree s, the m's are the initial direction integers.
 * Dimension 1 is the van der Corput sequence and needs no row.
 *
 * These are published data, reproduced under their authors' terms:
 *
 * Copyright (c) 2008, Frances Y. Kuo and Stephen Joe. All rights reserved.
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are
 * met: redistributions of source code must retain the above copyright
 * notice, this list of conditions and the following disclaimer;
 * redistributions in binary form must reproduce the above copyright notice,
 * this list of conditions and the following disclaimer in the documentation
 * and/or other materials provided with the distribution; neither the names
 * of the copyright holders nor the names of the University of New South
 * Wales and the University of Waikato and its contributors may be used to
 * endorse or promote products derived from this software without specific
 * prior written permission. THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT
 * HOLDERS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED.
 */
export const SOBOL_DIRECTIONS: readonly (readonly [number, readonly number[]])[] = [
  [0, [1]],
  [1, [1, 3]],
  [1, [1, 3, 1]],
  [2, [1, 1, 1]],
  [1, [1, 1, 3, 3]],
  [4, [1, 3, 5, 13]],
  [2, [1, 1, 5, 5, 17]],
  [4, [1, 1, 5, 5, 5]],
  [7, [1, 1, 7, 11, 19]],
  [11, [1, 1, 5, 1, 1]],
  [13, [1, 1, 1, 3, 11]],
  [14, [1, 3, 5, 5, 31]],
  [1, [1, 3, 3, 9, 7, 49]],
  [13, [1, 1, 1, 15, 21, 21]],
  [16, [1, 3, 1, 13, 27, 49]],
  [19, [1, 1, 1, 15, 7, 5]],
  [22, [1, 3, 1, 15, 13, 25]],
  [25, [1, 1, 5, 5, 19, 61]],
  [1, [1, 3, 7, 11, 23, 15, 103]],
  [4, [1, 3, 7, 13, 13, 15, 69]],
  [7, [1, 1, 3, 13, 7, 35, 63]],
  [8, [1, 3, 5, 9, 1, 25, 53]],
  [14, [1, 3, 1, 13, 9, 35, 107]],
  [19, [1, 3, 1, 5, 27, 61, 31]],
  [21, [1, 1, 5, 11, 19, 41, 61]],
  [28, [1, 3, 5, 3, 3, 13, 69]],
  [31, [1, 1, 7, 13, 1, 19, 1]],
  [32, [1, 3, 7, 5, 13, 19, 59]],
  [37, [1, 1, 3, 9, 25, 29, 41]],
  [41, [1, 3, 5, 13, 23, 1, 55]],
  [42, [1, 3, 7, 3, 13, 59, 17]],
  [50, [1, 3, 1, 3, 5, 53, 69]],
  [55, [1, 1, 5, 5, 23, 33, 13]],
  [56, [1, 1, 7, 7, 1, 61, 123]],
  [59, [1, 1, 7, 9, 13, 61, 49]],
  [62, [1, 3, 3, 5, 3, 55, 33]],
  [14, [1, 3, 1, 15, 31, 13, 49, 245]],
  [21, [1, 3, 5, 15, 31, 59, 63, 97]],
  [22, [1, 3, 1, 11, 11, 11, 77, 249]],
  [38, [1, 3, 1, 11, 27, 43, 71, 9]],
  [47, [1, 1, 7, 15, 21, 11, 81, 45]],
  [49, [1, 3, 7, 3, 25, 31, 65, 79]],
  [50, [1, 3, 1, 1, 19, 11, 3, 205]],
  [52, [1, 1, 5, 9, 19, 21, 29, 157]],
  [56, [1, 3, 7, 11, 1, 33, 89, 185]],
  [67, [1, 3, 3, 3, 15, 9, 79, 71]],
  [70, [1, 3, 7, 11, 15, 39, 119, 27]],
  [84, [1, 1, 3, 1, 11, 31, 97, 225]],
  [97, [1, 1, 1, 3, 23, 43, 57, 177]],
];
