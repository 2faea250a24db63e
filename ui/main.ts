import './csp-setup.js';
import './sawtooth-app.js';
