import '@testing-library/jest-dom';

// Full cards render a lot of MUI in jsdom; on a shared CI machine that can pass Jest's 5 s default.
jest.setTimeout(30_000);
