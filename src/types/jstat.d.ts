// Minimal types for the parts of jstat 1.9.6 used in src/features/outcomes (the package ships none).
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  const jStat: {
    studentt: ContinuousDistribution;
    normal: ContinuousDistribution;
  };
  export default jStat;
}
