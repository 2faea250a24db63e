// The stand-in for d3-geo (d3-geo-none.js): each function throws, saying the page draws no maps.
export declare const geoArea: () => never;
export declare const geoBounds: () => never;
export declare const geoCentroid: () => never;
