import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the page being rendered (the server makes one per response), for the
 * inline scripts Remix writes. In the browser it is "": the browser hides nonces from the page once loaded.
 */
export const NonceContext = createContext("");

export const useNonce = () => useContext(NonceContext);
