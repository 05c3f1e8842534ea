// seedrandom ships its Alea generator as a CommonJS file without types.
declare module 'seedrandom/lib/alea.js' {
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
  }
  export default function alea(seed?: string): AleaPrng;
}
